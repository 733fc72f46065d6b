import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { GraphChannelPoster, GraphMailSender } from '../../../../src/adapters/graph';
import { startEmulator } from '../../../../workbench/emulator/server';
import { graphForUser } from '../../../../workbench/seed/clients';

describe('Graph emulator: what was posted survives a restart', () => {
  it('keeps mail and channel messages when the emulator is stopped and started on the same database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-restart-'));
    const dbFile = join(dir, 'emulator.sqlite');
    try {
      const first = await startEmulator({ port: 0, dbFile });
      await new GraphMailSender(graphForUser(first.url, 'igj-privacy')).send({
        to: [{ address: 'datalek@cibg.example' }],
        subject: 'Datalek (art. 9.6)',
        blocks: [{ kind: 'paragraph', text: 'melding' }],
      });
      const posted = await new GraphChannelPoster(graphForUser(first.url, 'igj-privacy')).postCard(
        { teamId: 't', channelId: 'c' },
        { type: 'AdaptiveCard', version: '1.5', body: [] },
      );
      await first.close();

      const second = await startEmulator({ port: 0, dbFile });
      try {
        const box = (await (await fetch(`${second.url}/_emulator/graph/mailboxes/datalek@cibg.example`)).json()) as {
          inbox: { subject: string }[];
        };
        expect(box.inbox.map((m) => m.subject)).toEqual(['Datalek (art. 9.6)']);
        const channel = (await (await fetch(`${second.url}/_emulator/graph/channels/t/c`)).json()) as {
          messages: { id: string }[];
        };
        expect(channel.messages.map((m) => m.id)).toEqual([posted.id]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
