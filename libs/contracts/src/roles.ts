/** What a user may do; stored as the `user_role` enum and carried in access tokens. */
export enum UserRole {
  Admin = 'admin',
  QaSupervisor = 'qa_supervisor',
  Agent = 'agent',
  DisputeTeam = 'dispute_team',
  Trainer = 'trainer',
  /** Reads the audit log; hears no calls and sees no evaluations. */
  Auditor = 'auditor',
}

export const ALL_USER_ROLES = Object.values(UserRole);
