import { enEditing } from './en-editing.ts';
import { enForms } from './en-forms.ts';
import { enGrid } from './en-grid.ts';
import { enGroup } from './en-group.ts';
import { enPaste } from './en-paste.ts';
import { enImport } from './en-import.ts';
import { enViews } from './en-views.ts';
import { enBoards } from './en-boards.ts';
import { enAccess } from './en-access.ts';

/**
 * English, the source language: every key starts here, and `Messages` (derived from this
 * object) makes the compiler demand the same keys from every other language.
 */
export const en = {
  app: {
    name: 'Tessera',
    tagline: 'Your customers, shared live with your team.',
  },
  nav: {
    settings: 'Settings',
    home: 'Bases',
    signIn: 'Sign in',
    signUp: 'Create account',
    signOut: 'Sign out',
    language: 'Language',
    signedInAs: 'Signed in as {{name}}',
    admin: 'Admin',
  },
  auth: {
    loginTitle: 'Sign in to Tessera',
    loginSubtitle: 'Welcome back. Your team is waiting.',
    signupTitle: 'Create your account',
    signupSubtitle: 'The first account on a new server becomes its admin.',
    email: 'Email',
    password: 'Password',
    name: 'Your name',
    passwordHint: 'At least 8 characters.',
    submitLogin: 'Sign in',
    submitSignup: 'Create account',
    submitting: 'Please wait…',
    noAccount: 'No account yet?',
    haveAccount: 'Already have an account?',
    signupClosed: 'Sign-up is closed on this server. Ask your admin for an account.',
  },
  errors: {
    invalidCredentials: 'Wrong email or password.',
    rateLimited: 'Too many failed attempts. Try again in a few minutes.',
    emailTaken: 'An account with this email already exists.',
    signupClosed: 'Sign-up is closed on this server. Ask your admin for an account.',
    invalidEmail: 'Enter a valid email address.',
    passwordTooShort: 'The password needs at least 8 characters.',
    passwordTooLong: 'The password is too long.',
    required: 'This field is required.',
    tooLong: 'This is too long.',
    forbidden: 'You are not allowed to do this.',
    wrongPassword: 'The current password is wrong.',
    generic: 'Something went wrong. Please try again.',
    notFoundTitle: 'Not found',
    notFoundBody: 'This page does not exist, or you do not have access to it.',
    errorTitle: 'Something went wrong',
    backHome: 'Back to your bases',
  },
  bases: {
    title: 'Your bases',
    subtitle: 'A base holds the tables your team works on together.',
    empty: 'No bases yet. Create the first one to start organising your customers.',
    createTitle: 'New base',
    nameLabel: 'Base name',
    namePlaceholder: 'e.g. East China customers',
    create: 'Create base',
    creating: 'Creating…',
    created: 'Created {{date}}',
    timeZone: 'Time zone: {{zone}}',
    tableCount_one: '{{count, number}} table',
    tableCount_other: '{{count, number}} tables',
    noTables: 'No tables yet.',
    role: {
      owner: 'Owner',
      editor: 'Editor',
      commenter: 'Commenter',
      viewer: 'Viewer',
    },
  },
  settings: {
    title: 'Settings',
    profileTitle: 'Profile',
    saveProfile: 'Save',
    saved: 'Saved.',
    passwordTitle: 'Password',
    passwordBody: 'Changing your password signs you out everywhere else.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    changePassword: 'Change password',
    passwordChanged: 'Password changed. Other sessions were signed out.',
    tokensTitle: 'API tokens',
    tokensBody: 'Scripts use a token to call the REST API as you. Treat it like a password.',
    tokenName: 'Token name',
    tokenNamePlaceholder: 'e.g. Nightly ERP sync',
    scopes: 'Scopes',
    createToken: 'Create token',
    newTokenTitle: 'Copy your new token now. It will not be shown again.',
    noTokens: 'No tokens yet.',
    tokenMeta: 'Created {{created}} · {{used}}',
    neverUsed: 'never used',
    lastUsed: 'last used {{date}}',
    allBases: 'all your bases',
    someBases_one: '{{count, number}} base',
    someBases_other: '{{count, number}} bases',
    revoke: 'Revoke',
    adminTitle: 'Server',
    signupOpen: 'Anyone with the address can create an account',
    signupOpenHint: 'When off, only an admin can create accounts.',
    saveSettings: 'Save',
  },
  table: {
    comingTitle: 'The grid is on its way',
    comingBody: 'Soon you will edit {{name}} here, live with your team.',
    back: 'All bases',
  },
  locale: {
    en: 'English',
    'zh-CN': '中文',
  },
  ...enEditing,
  ...enGrid,
  ...enGroup,
  ...enPaste,
  ...enImport,
  ...enForms,
  ...enViews,
  ...enBoards,
  ...enAccess,
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;

/** A key of `errors.*`: actions return keys, pages translate them. */
export type ErrorKey = keyof Messages['errors'];
