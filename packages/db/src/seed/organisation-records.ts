/**
 * Records an organisation holds beside its job seekers: the employers of its region (job
 * development) and each specialist's absences (summer vacations; now and then a sick leave, with the
 * supervisor alerted when it looks long: seed 001).
 */
import { fakerNB_NO as faker } from '@faker-js/faker';
import { absenceRow } from '../factories.js';
import type { Org, SeedContext, Specialist } from './context.js';
import { at, isoDay, workday } from './random.js';
import { INDUSTRIES } from './reference-data.js';

export function addEmployers(ctx: SeedContext, org: Org): string[] {
  const { rnd, out, created, options } = ctx;
  const ids: string[] = [];
  const city = ctx.municipalityName(org.region);
  for (let i = 0; i < options.scale.employersPerRegion; i++) {
    const [code, industry] = rnd.pick(INDUSTRIES);
    const id = rnd.uuid7(created);
    ids.push(id);
    out.push('employer', {
      id,
      organizationId: org.id,
      organizationNumber: ctx.nextOrgNumber(),
      name: `${faker.company.name()} ${rnd.pick(['AS', 'AS', 'AS', 'SA', 'ANS'])}`,
      industryCode: code,
      industry,
      streetAddress: faker.location.streetAddress(),
      postalCode: String(rnd.int(1000, 9999)),
      city,
      createdAt: created,
      updatedAt: created,
    });
  }
  return ids;
}

export function addAbsences(ctx: SeedContext, org: Org, specialist: Specialist) {
  const { rnd, out, today, historyStart } = ctx;
  for (let year = 0; year < 2; year++) {
    const start = workday(historyStart + year * 365 + rnd.int(170, 200));
    out.push(
      'absence',
      absenceRow({
        id: rnd.uuid7(at(start - 60)),
        organizationId: org.id,
        specialistId: specialist.id,
        type: 'VACATION',
        planned: true,
        startDate: isoDay(start),
        expectedEndDate: isoDay(start + 20),
        actualEndDate: start + 20 <= today ? isoDay(start + 20) : null,
        registeredById: specialist.id,
        supervisorNotifiedAt: null,
        note: 'Sommerferie',
        createdAt: at(start - 60),
        updatedAt: at(start - 60),
      }),
    );
  }
  if (!rnd.chance(0.25)) return;
  const start = workday(today - rnd.int(20, 600));
  const length = rnd.int(3, 40);
  const ongoing = start + length > today;
  out.push(
    'absence',
    absenceRow({
      id: rnd.uuid7(at(start)),
      organizationId: org.id,
      specialistId: specialist.id,
      type: 'SICK_LEAVE',
      planned: false,
      startDate: isoDay(start),
      expectedEndDate: isoDay(start + length),
      actualEndDate: ongoing ? null : isoDay(start + length),
      registeredById: specialist.id,
      supervisorNotifiedAt: length > 14 ? at(start + 1, 10) : null,
      note: null,
      createdAt: at(start, 8),
      updatedAt: at(start, 8),
    }),
  );
}
