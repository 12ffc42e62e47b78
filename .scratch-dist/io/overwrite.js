/**
 * The files a command reads and writes, checked before any work (Node only): no output over an input, output
 * folders that can be written into, output files whose folder exists and whose format is known.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { LookalikeError } from '../errors.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { WRITE_FORMATS, writeFormatFromPath } from './write.js';
const usage = (message) => new LookalikeError(message, [], 'usage');
/** The identity of an existing file (device and inode: the same through symbolic and hard links), or undefined. */
function identity(path) {
    try {
        const st = statSync(path);
        return `${st.dev}:${st.ino}`;
    }
    catch {
        return undefined;
    }
}
function isDir(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** Whether `path` lies strictly inside the folder `dir` (both real paths). */
function inside(dir, path) {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
function realOrUndefined(path) {
    try {
        return realpathSync(path);
    }
    catch {
        return undefined;
    }
}
/**
 * Refuse, before any work, to write over a file the command reads: each output that exists is compared with each
 * input by device and inode (so a symbolic link, a hard link, `./x` or a different spelling of the same file is
 * caught), and an input lying inside one of `outputDirs` (folders whose whole content the command may rewrite) is
 * refused too. Throws a usage error (exit code 2) naming the option and the input. Inputs or outputs that are
 * `undefined` (options not given) are skipped.
 */
export function refuseOverwrite(inputs, outputs, outputDirs = []) {
    const ins = inputs
        .filter((f) => !!f?.path)
        .map((f) => ({ ...f, id: identity(f.path), real: realOrUndefined(f.path), dir: isDir(f.path) }))
        .filter((f) => f.id !== undefined);
    if (!ins.length)
        return;
    for (const out of outputs) {
        if (!out?.path)
            continue;
        const id = identity(out.path);
        if (id === undefined)
            continue;
        const hit = ins.find((i) => i.id === id);
        if (hit)
            throw usage(`${out.what} "${out.path}" would overwrite ${hit.what} "${hit.path}" (the same file); lookalike never ` +
                'writes over its inputs: choose another output path');
        // an input that is a folder (a database of table files) is read whole: none of its files may be overwritten
        const real = realOrUndefined(out.path);
        const folder = ins.find((i) => i.dir && real !== undefined && inside(i.real, real));
        if (folder)
            throw usage(`${out.what} "${out.path}" would overwrite a file of ${folder.what} "${folder.path}"; lookalike never ` +
                'writes over its inputs: choose another output path');
    }
    for (const dir of outputDirs) {
        if (!dir?.path)
            continue;
        const real = realOrUndefined(dir.path);
        if (real === undefined)
            continue;
        for (const i of ins) {
            if (i.real === undefined)
                continue;
            if (inside(real, i.real))
                throw usage(`${dir.what} "${dir.path}" holds ${i.what} "${i.path}", which the command may rewrite; lookalike never ` +
                    'writes over its inputs: choose another output folder');
        }
    }
}
/** The files a command writes into an output folder, as outputs for `refuseOverwrite`. */
export function filesIn(dir, option, names) {
    return names.map((n) => ({ path: join(dir, n), what: `--${option} file` }));
}
const DIR_REASONS = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exceeded',
    ENAMETOOLONG: 'the name is too long',
};
/**
 * Create the output folder of `--<option>` (and its parents) and check that it can be written into, before any
 * work: an existing file in its place, a file among its parents, a read-only file system or a folder without write
 * permission are input errors (exit 1) naming the folder and the reason — never an internal error.
 */
export async function makeOutputDir(dir, option) {
    const fail = (reason) => new LookalikeError(`--${option}: cannot write into the folder "${dir}": ${reason}`);
    try {
        await mkdir(dir, { recursive: true });
    }
    catch (e) {
        const code = e.code ?? '';
        if (code === 'EEXIST' || code === 'ENOTDIR')
            throw fail(code === 'EEXIST' ? 'it is a file, not a folder' : 'a part of its path is a file, not a folder');
        // a recursive mkdir on a read-only file system can report ENOENT: ask the nearest existing folder why
        let up = dirname(resolve(dir));
        while (up !== dirname(up) && !existsSync(up))
            up = dirname(up);
        const why = await access(up, constants.W_OK).then(() => undefined, (x) => x.code);
        throw fail(DIR_REASONS[why ?? code] ?? DIR_REASONS[code] ?? `the folder could not be created (${code})`);
    }
    try {
        await access(dir, constants.W_OK);
    }
    catch (e) {
        const code = e.code ?? '';
        throw fail(DIR_REASONS[code] ?? `it cannot be written (${code})`);
    }
}
/** Fail before any work when an output file's format is unknown or its folder is missing (usage errors). */
export function checkOutputFile(path, option, kind) {
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw usage(`--${option}: the folder "${dir}" does not exist`);
    if (existsSync(path) && statSync(path).isDirectory())
        throw usage(`--${option}: "${path}" is a directory`);
    if (kind === 'table' && !writeFormatFromPath(path)) {
        throw usage(`--${option}: cannot tell the format of "${path}" from its extension; use one of ${WRITE_FORMATS.map((f) => `.${f}`).join(', ')}`);
    }
    if (kind === 'json' && !path.endsWith('.json'))
        throw usage(`--${option}: expected a .json file, got "${path}"`);
}
/** Fail before any work when an output folder's path is taken by a file (usage error). */
export function checkOutputDir(dir, option) {
    if (existsSync(dir) && !statSync(dir).isDirectory())
        throw usage(`--${option}: "${dir}" is a file`);
}
/** What the input-file flags of the commands name, in messages. */
const INPUT_FLAGS = {
    metadata: 'the metadata file',
    policy: 'the policy file',
    holdout: 'the holdout table',
    model: 'the model file',
    disclosure: 'the disclosure steps file',
    conditions: 'the conditions file',
    steps: 'the steps file',
    'remove-training-matches': 'the training table',
};
/**
 * The files a command line reads, for `refuseOverwrite`: its positional arguments (`what` names each, in order)
 * and the value of every input-file flag given (`--metadata`, `--policy`, `--holdout`, `--model`…).
 */
export function inputFiles(positionals, values, ...what) {
    const flags = Object.entries(INPUT_FLAGS).map(([flag, name]) => ({
        path: typeof values[flag] === 'string' ? values[flag] : undefined,
        what: name,
    }));
    return [...positionals.map((path, i) => ({ path, what: what[i] ?? what[0] })), ...flags];
}
//# sourceMappingURL=overwrite.js.map