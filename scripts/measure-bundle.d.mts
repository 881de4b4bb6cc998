import type { Plugin } from 'esbuild';

export declare const PEERS: string[];
export declare const coreExternal: Plugin;
export declare function measureBundle(contents: string, plugins?: Plugin[]): Promise<{ gzip: number; min: number }>;
