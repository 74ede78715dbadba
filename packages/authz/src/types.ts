/** The ability's vocabulary: actions, subjects (the Prisma models) and the actor a request acts as. */
import type { AbilityBuilder, Ability as PureAbility } from '@casl/ability';
import type { PrismaQueryOf, Subjects } from '@casl/prisma/runtime';
import type {
  Absence,
  ActionPoint,
  AuditLog,
  BenefitsCounselling,
  CareerProfile,
  Consent,
  DeadlineRuleSetting,
  Employer,
  EmployerContact,
  Employment,
  FidelityActionItem,
  FidelityReview,
  FieldMentoring,
  FollowUpMeeting,
  HealthTeam,
  IdentityProvider,
  JobApplication,
  JobSeeker,
  JournalNote,
  Membership,
  NavDialogueMessage,
  NavDialogueThread,
  NavSharingGrant,
  Notification,
  Organization,
  PortfolioReview,
  Prisma,
  Reminder,
  Role,
  SpecialistTeam,
  Study,
  SupportPlan,
  TeamMeeting,
  TeamMember,
  Transfer,
  User,
} from '@ips/db';

export type Action =
  | 'manage'
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'restore'
  | 'withdraw'
  | 'revoke'
  | 'onboard'
  /** Ask for something owed: a supervisor asks a specialist to obtain missing consents. */
  | 'request';

export type AppSubjects =
  | Subjects<{
      Organization: Organization;
      IdentityProvider: IdentityProvider;
      User: User;
      Membership: Membership;
      SpecialistTeam: SpecialistTeam;
      TeamMember: TeamMember;
      HealthTeam: HealthTeam;
      JobSeeker: JobSeeker;
      Consent: Consent;
      NavSharingGrant: NavSharingGrant;
      Employment: Employment;
      SupportPlan: SupportPlan;
      AuditLog: AuditLog;
      Employer: Employer;
      EmployerContact: EmployerContact;
      CareerProfile: CareerProfile;
      JournalNote: JournalNote;
      FollowUpMeeting: FollowUpMeeting;
      DeadlineRuleSetting: DeadlineRuleSetting;
      JobApplication: JobApplication;
      Study: Study;
      Absence: Absence;
      Transfer: Transfer;
      Notification: Notification;
      TeamMeeting: TeamMeeting;
      ActionPoint: ActionPoint;
      FieldMentoring: FieldMentoring;
      PortfolioReview: PortfolioReview;
      FidelityReview: FidelityReview;
      FidelityActionItem: FidelityActionItem;
      Reminder: Reminder;
      NavDialogueThread: NavDialogueThread;
      NavDialogueMessage: NavDialogueMessage;
      BenefitsCounselling: BenefitsCounselling;
    }>
  | 'all';

export type AppAbility = PureAbility<[Action, AppSubjects], PrismaQueryOf<Prisma.TypeMap>>;

export interface ActorMembership {
  organizationId: string;
  role: Role;
}

export interface ActorTeam {
  teamId: string;
  /** The team's organisation. */
  organizationId: string;
  role: 'JOB_SPECIALIST' | 'METHOD_SUPERVISOR';
}

export interface Actor {
  userId: string;
  /** Active memberships in the organisations this request acts in. */
  memberships: readonly ActorMembership[];
  teams: readonly ActorTeam[];
  platformOperator: boolean;
}

/** The model names an ability speaks of. */
export type ModelName = Exclude<AppSubjects, 'all'> extends infer S ? (S extends string ? S : never) : never;

/** The `can` of the ability's builder, which each role's rules file is given. */
export type Can = AbilityBuilder<AppAbility>['can'];
