import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphDirectory, type GraphClientLike } from '../../../src/adapters/graph';
import type { PartyDomains } from '../../../src/ports/directory';
import { memoryContext, sanne } from '../../workbench/emulator/graph/harness';
import { loadConfigFixture } from '../../helpers/config';
import { inProcessClient } from './inProcessClient';

const config = loadConfigFixture();

// Compile-time: the real Graph Client (what SPFx's MSGraphClientV3 wraps) satisfies the adapters' client type.
const asClientLike = (c: Client): GraphClientLike => c;

describe('GraphDirectory', () => {
  it('maps /me to the domain profile with the party from the agreement configuration', async () => {
    const dir = new GraphDirectory(asClientLike(inProcessClient(memoryContext(), sanne)), config.parties);
    const me = await dir.currentUser();
    expect(me).toEqual({
      id: sanne.aadId,
      displayName: 'Sanne de Vries',
      email: 'sanne.devries@igj.example',
      jobTitle: 'Inspecteur',
      businessPhone: expect.stringMatching(/^\+31 /),
      mobilePhone: expect.stringMatching(/^\+31 6 /),
      party: 'igj',
    });
  });

  it('derives the CIBG party and null for an outsider; parties may be loaded later', async () => {
    const bram = { ...sanne, email: 'Bram.Jansen@CIBG.example', aadId: 'b' };
    const olaf = { ...sanne, email: 'olaf.buiten@extern.example', aadId: 'o' };
    const later = async (): Promise<PartyDomains> => config.parties;
    expect((await new GraphDirectory(inProcessClient(memoryContext(), bram), later).currentUser()).party).toBe('cibg');
    expect((await new GraphDirectory(inProcessClient(memoryContext(), olaf), later).currentUser()).party).toBeNull();
  });

  it('does not treat a subdomain or a look-alike domain as a party', async () => {
    const sub = { ...sanne, email: 'x@sub.igj.example', aadId: 's' };
    const alike = { ...sanne, email: 'x@notigj.example', aadId: 'n' };
    expect(
      (await new GraphDirectory(inProcessClient(memoryContext(), sub), config.parties).currentUser()).party,
    ).toBeNull();
    expect(
      (await new GraphDirectory(inProcessClient(memoryContext(), alike), config.parties).currentUser()).party,
    ).toBeNull();
  });

  it('rejects with a GraphRequestError carrying status and code when anonymous', async () => {
    const dir = new GraphDirectory(inProcessClient(memoryContext(), null), config.parties);
    await expect(dir.currentUser()).rejects.toMatchObject({
      name: 'GraphRequestError',
      status: 401,
      code: 'InvalidAuthenticationToken',
    });
  });
});
