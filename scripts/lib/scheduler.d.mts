export declare const REGION: string;
export declare function runScheduledFunction(options: {
  host: string;
  project: string;
  name: string;
  day: string;
}): Promise<{ status: number; body: string }>;
