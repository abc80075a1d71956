// Where every function runs (close to the programme's users in Europe).
export const REGION = "europe-west1";
