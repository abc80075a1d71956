// Accounts: roles (custom claims) given by administrators.
export { setRole } from "./callables/set-role.js";
