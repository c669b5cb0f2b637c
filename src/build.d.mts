// Types of src/build.mjs (plain JavaScript, since the launcher runs it before anything is compiled).
export function ensureBuild(entry: string, dir?: string): Promise<string>;
export function builtPath(dir: string, entry: string): string;
export function projectPath(entry: string): string;
