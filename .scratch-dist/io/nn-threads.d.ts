import { type ThreadSpawner } from '../nn/kernel/threads.js';
export declare const nodeThreadSpawner: ThreadSpawner;
/** Let the nn engine start worker threads in this Node process. */
export declare function useNodeThreads(): void;
