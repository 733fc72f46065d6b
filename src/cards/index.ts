/** Adaptive Cards (schema 1.5, the highest Teams renders): breach card, meeting reminder card, text and size guards. */
export { buildDatalekCard, buildDatalekNoticeCard, CARD_TEXT_MAX, type AdaptiveCardJson, type DatalekCardOptions } from './datalekCard';
export { buildMeetingReminderCard } from './meetingReminderCard';
export { assertCardFits, channelMessageBytes, CardTooLargeError, MAX_MESSAGE_BYTES } from './size';
export { checkLink, escapeMarkdown, neutraliseSubstitution, plainText } from './text';
