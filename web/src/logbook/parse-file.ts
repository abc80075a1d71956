// Reading an import file into a table of text cells: papaparse for CSV,
// read-excel-file for XLSX. Loaded only when someone imports.
import { cellText } from "./case-rows";

export async function readTable(file: File): Promise<{ table: string[][] } | { unusable: string }> {
  const name = file.name.toLowerCase();
  if (name.endsWith(".xlsx")) {
    try {
      const { readSheet } = await import("read-excel-file/browser");
      const rows: unknown[][] = await readSheet(file); // the first sheet
      return { table: rows.map((r) => r.map(cellText)) };
    } catch {
      return {
        unusable: "This XLSX file cannot be read. Save it again from your spreadsheet program, or export it as CSV.",
      };
    }
  }
  if (name.endsWith(".csv") || file.type === "text/csv") {
    const { default: Papa } = await import("papaparse");
    const text = await file.text();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
    const fatal = parsed.errors.find((e) => e.type === "Quotes" || e.type === "Delimiter");
    if (fatal) return { unusable: `This CSV file cannot be read (line ${(fatal.row ?? 0) + 1}: ${fatal.message}).` };
    return { table: parsed.data };
  }
  return { unusable: "Choose a .csv or .xlsx file (the template shows the columns)." };
}
