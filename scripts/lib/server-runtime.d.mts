/** See server-runtime.mjs. */
export declare const SERVER_RUNTIME_ENV: Record<string, string>;
export declare const SERVER_NODE_ARGS: string[];
