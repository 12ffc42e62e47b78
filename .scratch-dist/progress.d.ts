/**
 * Progress of long work (a fit, an evaluation, a sweep), reported to the CLI (stderr) or any caller. Ground floor:
 * imported by every layer, imports nothing.
 */
export interface ProgressEvent {
    readonly phase: string;
    readonly done?: number;
    readonly total?: number;
    readonly message?: string;
}
export type ProgressFn = (event: ProgressEvent) => void;
