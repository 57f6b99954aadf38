import { describe, expect, it } from 'vitest';
import { incidentTypeForSubstances } from './incident-type-for-substances.js';

describe('incidentTypeForSubstances', () => {
  it('takes a toxic gas as a toxic release, even beside a flammable gas (chlorine + LPG)', () => {
    expect(incidentTypeForSubstances([{ category: 'flammable-gas' }, { category: 'toxic-gas' }])).toBe('toxic-release');
  });
  it('takes explosives or a flammable gas as an explosion', () => {
    expect([incidentTypeForSubstances([{ category: 'explosive' }]), incidentTypeForSubstances([{ category: 'flammable-gas' }])]).toEqual(['explosion', 'explosion']);
  });
  it('takes flammable liquids, other substances or none as a fire', () => {
    expect([incidentTypeForSubstances([{ category: 'flammable-liquid' }]), incidentTypeForSubstances(null)]).toEqual(['fire', 'fire']);
  });
});
