import { LookalikeError } from '../../errors.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { FitOptions, Model } from '../types.js';

export async function fitArgnDp(_table: Table, _schema: Schema, _fo: FitOptions): Promise<Model> {
  throw new LookalikeError('argn: DP mode is not available yet', [], 'usage');
}
