import { newUuid as randomUUID } from './util';
import type { Database } from 'better-sqlite3';
import { spDate, SITE_PATH } from './sharepoint/context';
import { FieldType, inputValue } from './sharepoint/fields';
import { findField } from './sharepoint/query';
import { listByTitle, listFields } from './sharepoint/store';
import { SITE_ADMIN_KEY } from './identity';

/**
 * Inserts many list items straight into the database (for benchmarks and tests that need 100,000 items). Values are
 * checked exactly as the REST API checks them (a bad value throws naming the field); everything is one transaction.
 * Returns the ids of the new items.
 */
export function bulkInsertItems(
  db: Database,
  listTitle: string,
  rows: Record<string, unknown>[],
  opts: { authorKey?: string; now?: Date } = {},
): number[] {
  const list = listByTitle(db, listTitle);
  if (!list) throw new Error(`bulkInsertItems: list '${listTitle}' does not exist`);
  const fields = listFields(db, list.pk);
  const author = db
    .prepare(`SELECT id FROM sp_principals WHERE user_key = ?`)
    .pluck()
    .get(opts.authorKey ?? SITE_ADMIN_KEY) as number | undefined;
  if (author === undefined)
    throw new Error(`bulkInsertItems: unknown author key '${opts.authorKey ?? SITE_ADMIN_KEY}'`);
  const now = spDate(opts.now ?? new Date());
  const ct =
    (db.prepare(`SELECT id FROM sp_content_types WHERE list_pk = ? ORDER BY rowid LIMIT 1`).pluck().get(list.pk) as
      | string
      | undefined) ?? '0x01';
  const insert = db.prepare(
    `INSERT INTO sp_items (list_pk, id, guid, version, created, modified, author_id, editor_id, fs_type, file_ref, content_type_id, data)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const ids: number[] = [];
  db.transaction(() => {
    let next = (db.prepare(`SELECT next_item_id FROM sp_lists WHERE pk = ?`).pluck().get(list.pk) as number) ?? 1;
    for (const [i, row] of rows.entries()) {
      const data: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(row)) {
        const found = findField(fields, key);
        if (!found)
          throw new Error(`bulkInsertItems: row ${i}: the field '${key}' does not exist in list '${listTitle}'`);
        const f = found.field;
        if ((f.type_kind === FieldType.User || f.type_kind === FieldType.Lookup) && !found.idForm) {
          throw new Error(`bulkInsertItems: row ${i}: write person/lookup field '${key}' as '${key}Id'`);
        }
        try {
          data[f.internal_name] = inputValue(db, f, v);
        } catch (e) {
          throw new Error(`bulkInsertItems: row ${i}: ${(e as Error).message}`);
        }
      }
      const id = next++;
      insert.run(
        list.pk,
        id,
        randomUUID(),
        now,
        now,
        author,
        author,
        `${SITE_PATH}/${list.url_name}/${id}_.000`,
        ct,
        JSON.stringify(data),
      );
      ids.push(id);
    }
    db.prepare(`UPDATE sp_lists SET next_item_id = ?, modified = ? WHERE pk = ?`).run(next, now, list.pk);
  })();
  return ids;
}
