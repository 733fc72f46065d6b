/** Fetches the emulator's read-back endpoints (`/_emulator/graph/...`), which only the workbench panes use. */

/** A Graph message/event as stored (only the fields the panes show are typed). */
export interface GraphRecipient {
  emailAddress: { address: string; name?: string };
}

/** A chatMessage as the emulator stored it. */
export interface ChannelMessage {
  id: string;
  createdDateTime: string;
  subject: string | null;
  from: { user: { displayName: string } | null } | null;
  body: { contentType: 'text' | 'html'; content: string };
  attachments: { id: string; contentType: string; content: string | null; name: string | null }[];
}

/** A mail message as delivered to a mailbox. */
export interface MailMessage {
  id: string;
  subject: string;
  receivedDateTime: string;
  from: GraphRecipient;
  toRecipients: GraphRecipient[];
  ccRecipients: GraphRecipient[];
  body: { contentType: 'text' | 'html'; content: string };
  /** Present on meeting requests. */
  meetingMessageType?: string;
}

/** A calendar event as stored (with the emulator's note on whether its reminder really fires). */
export interface CalendarEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName: string };
  recurrence: {
    pattern: { type: string; interval: number; month?: number; dayOfMonth?: number; daysOfWeek?: string[]; index?: string };
    range: { type: string; startDate: string; endDate?: string; numberOfOccurrences?: number; recurrenceTimeZone?: string };
  } | null;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  attendees: (GraphRecipient & { type: string })[];
  organizer: GraphRecipient;
  body: { contentType: 'text' | 'html'; content: string };
  _emulator?: { reminderFires: boolean; reason: string };
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`/_emulator/graph/${path}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText} on /_emulator/graph/${path}`);
  return (await res.json()) as T;
}

/** Messages of a channel, newest first. */
export function channelMessages(teamId: string, channelId: string): Promise<{ messages: ChannelMessage[] }> {
  return get(`channels/${encodeURIComponent(teamId)}/${encodeURIComponent(channelId)}`);
}

/** A mailbox's inbox and sent items, newest first. */
export function mailbox(address: string): Promise<{ mailbox: string; inbox: MailMessage[]; sentItems: MailMessage[] }> {
  return get(`mailboxes/${encodeURIComponent(address)}`);
}

/** A calendar's own events and (for a user) the events they are invited to. */
export function calendar(owner: string): Promise<{ owner: string; events: CalendarEvent[]; invitations: CalendarEvent[] }> {
  return get(`calendars/${encodeURIComponent(owner)}`);
}
