// Names the team server uses for a team: its subjects, stream and KV buckets. Pure, so the README's permission example, the
// engine and the tests agree. Team names are restricted so they are safe in subjects and bucket names.
export const TEAM_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const TEAM_NAME_HINT = 'A team name is 1–32 lower-case letters, digits, "-" or "_", starting with a letter or digit (for example "payments-oncall").';

export const teamSubjects = (team: string) => `firebreak.${team}.incident.>`;
export const incidentSubject = (team: string, incidentId: string) => `firebreak.${team}.incident.${incidentId}`;
export const teamStream = (team: string) => `FIREBREAK_${team.toUpperCase().replace(/-/g, '_')}`;
export const incidentsBucket = (team: string) => `firebreak-${team}-incidents`;
export const outboxClaimsBucket = (team: string) => `firebreak-${team}-outbox-claims`;
/** Device id → the device's public signing key and handle; each key is written once (KV create), so first registration wins. */
export const devicesBucket = (team: string) => `firebreak-${team}-devices`;
/** The durable consumer one laptop reads one incident through (names may not hold dots). */
export const incidentConsumer = (deviceId: string, incidentId: string) => `fb-${deviceId}-${incidentId}`.slice(0, 200);
