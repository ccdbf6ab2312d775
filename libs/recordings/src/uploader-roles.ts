import { UserRole } from '@callgrade/database';

/** The user roles that may upload recordings (API keys may too), by HTTP or the bulk import. */
export const UPLOADER_ROLES = [UserRole.Admin, UserRole.QaSupervisor] as const;
