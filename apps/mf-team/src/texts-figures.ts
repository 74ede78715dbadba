/**
 * The team results' words for figures that agree (issue 16): job starts over the rolling twelve
 * months with the period's own count beside them, the caseload's ceiling, and what a health-service
 * leader whose organisation hosts no team sees instead.
 */
export const figureTexts = {
  nb: {
    fig_rollingYear: 'siste 12 måneder',
    fig_inPeriod_one: '{{count}} jobbstart i perioden',
    fig_inPeriod_other: '{{count}} jobbstarter i perioden',
    fig_ceiling: 'Tak',
    fig_ceilingHelp:
      'Høyst {{target}} jobbsøkere per årsverk (en spesialist i deltid: taket ganget med stillingsandelen).',
    fig_withinCeiling: 'Innenfor taket',
    fig_overCeiling: 'Over taket',
    fig_leaderNoTeam:
      'Ingen IPS-team har organisasjonen din som vertskap, så det er ingen teamresultater å vise her. Dere ser saksmengden til jobbspesialistene deres under Bemanning; teamresultatene vises for lederen i organisasjonen som er vertskap for teamet.',
    fig_toStaffing: 'Gå til bemanning',
  },
  en: {
    fig_rollingYear: 'last 12 months',
    fig_inPeriod_one: '{{count}} job start in the period',
    fig_inPeriod_other: '{{count}} job starts in the period',
    fig_ceiling: 'Ceiling',
    fig_ceilingHelp:
      'At most {{target}} job seekers per full-time equivalent (a part-time specialist: the ceiling times their FTE).',
    fig_withinCeiling: 'Within the ceiling',
    fig_overCeiling: 'Over the ceiling',
    fig_leaderNoTeam:
      'No IPS team is hosted by your organisation, so there are no team results to show here. You see your job specialists’ caseloads under Staffing; the team results are shown to the leader of the organisation that hosts the team.',
    fig_toStaffing: 'Go to staffing',
  },
} as const;
