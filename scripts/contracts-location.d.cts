// Types for contracts-location.cjs (imported by the TypeScript test configs).
export declare const contractDependentTests: string[];
export declare const contractDependentE2e: string[];
export declare function locateContracts(): { dir: string | undefined; searched: string[] };
export declare function contractsSkipMessage(searched: string[]): string;
