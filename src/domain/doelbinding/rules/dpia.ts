/** A purpose whose DPIA is required or planned but not done goes to the privacy officer first. */
import { reason } from '../reason';
import type { Rule } from './context';

/** AVG art. 35 / seed 001 §II.2: high-risk processing needs a DPIA before it starts. */
export const checkDpia: Rule = ({ input, activity }) => {
  if (!input.answers.containsPersonalData || !activity?.dpia) return [];
  const { status, source } = activity.dpia;
  if (status !== 'vereist' && status !== 'gepland') return [];
  return [
    reason(
      'dpia_pending',
      'review',
      source,
      `voor het doel '${activity.service}' is een DPIA ${status === 'gepland' ? 'gepland maar nog niet uitgevoerd' : 'vereist maar niet uitgevoerd'}; de privacy officer toetst`,
      `the purpose '${activity.service}' needs a DPIA that is ${status === 'gepland' ? 'planned but not yet done' : 'required but not done'}; the privacy officer reviews`,
    ),
  ];
};
