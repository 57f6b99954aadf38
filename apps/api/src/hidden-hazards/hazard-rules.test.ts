import { describe, expect, it } from 'vitest';
import { hiddenHazardsDefaults as cfg } from '@riskmap/config';
import { hazardState } from './hazard-state.js';
import { localDate } from './local-date.js';
import { sniffMediaType } from './magic-bytes.js';
import { allowedStep } from './flow.js';

describe('hazardState', () => {
  const h = { status: 'rectifying', deadline: '2026-12-10', grade: 'general', supervised: false };
  it('is not overdue on the deadline itself', () => expect(hazardState(h, '2026-12-10', cfg).overdue).toBe(false));
  it('is overdue (逾期) from the day after the deadline', () => expect(hazardState(h, '2026-12-11', cfg)).toMatchObject({ overdue: true, shownZh: '逾期' }));
  it('is never overdue once closed', () => expect(hazardState({ ...h, status: 'closed' }, '2027-01-01', cfg).overdue).toBe(false));
});

describe('localDate', () => {
  it('takes the calendar day in the configured timezone', () => expect(localDate(new Date('2026-12-10T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-11'));
});

describe('sniffMediaType', () => {
  it('recognises PNG, JPEG and PDF by their first bytes', () => {
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('%PDF-1.4'))).toBe('application/pdf');
  });
  it('refuses anything else', () => expect(sniffMediaType(Buffer.from('GIF89a'))).toBeNull());
});

describe('allowedStep', () => {
  it('names the step in a 403 for a role not allowed', () => expect(() => allowedStep(cfg, 'close', 'awaiting-acceptance', 'planner')).toThrow(/验收销号/));
  it('names the step and the status it needs in a 409', () => expect(() => allowedStep(cfg, 'close', 'found', 'commander')).toThrow(/待验收/));
});
