export type SystemProgram = 'chromium' | 'prometheus' | 'alertmanager';
export declare const programs: Record<SystemProgram, { env: string[]; names: string[]; locations: string[]; aptPackage: string; brew: string; why: string }>;
export declare function locateProgram(name: SystemProgram, env?: NodeJS.ProcessEnv): string | undefined;
export declare function installHint(name: SystemProgram, env?: NodeJS.ProcessEnv): string;
export declare function requireProgram(name: SystemProgram, env?: NodeJS.ProcessEnv): string;
