/** Who owns a record: DVAs by each party's DVA owner (art. 12), everything else by the accounthouders (art. 5). */
import type { AgreementConfig } from '../agreement/schema';
import type { RegisterRecord } from './types';

/** One owner of a record, by party and function title (the agreement names functions, not people). */
export interface RecordOwner {
  party: string;
  partyName: string;
  functionTitle: string;
  /** Where the ownership comes from. */
  article: string;
  /** The person, when the register names one. */
  person?: string;
}

/** The owners of a record per party, from the configuration (art. 12 DVA owner; art. 5 accounthouder). */
export function ownersOf(
  record: Pick<RegisterRecord, 'kind' | 'parties' | 'accounthouders'>,
  config: AgreementConfig,
): RecordOwner[] {
  return record.parties.flatMap((key) => {
    const party = config.parties.find((p) => p.key === key);
    if (!party) return [];
    const holder = record.accounthouders[key];
    if (record.kind === 'dva' && party.dvaOwner) {
      return [
        { party: key, partyName: party.shortName, functionTitle: party.dvaOwner.functionTitle, article: 'art. 12' },
      ];
    }
    return [
      {
        party: key,
        partyName: party.shortName,
        functionTitle: holder?.functionTitle || party.accounthouder.functionTitle,
        article: 'art. 5',
        ...(holder?.person ? { person: holder.person.displayName } : {}),
      },
    ];
  });
}

/** A new record with the configured accounthouder function titles filled in per party (art. 5). */
export function newRecord(config: AgreementConfig, kind: RegisterRecord['kind'] = 'werkafspraak'): RegisterRecord {
  const parties = config.parties.map((p) => p.key);
  return {
    kind,
    title: '',
    parties,
    accounthouders: Object.fromEntries(
      config.parties.map((p) => [p.key, { functionTitle: p.accounthouder.functionTitle }]),
    ),
    status: 'concept',
    documents: [],
    history: [],
    details: {},
  };
}
