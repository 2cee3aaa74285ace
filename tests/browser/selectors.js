// The stable selectors the browser tests rely on, in one place so they are easy to adjust
// when the server-rendered pages change. Every selector here is part of the pages' contract.

export const S = {
  // Layout, on every page.
  main: 'main',
  skipLink: 'a.skip-link',
  h1: 'h1',
  // The language switcher: one link per language, e.g. `a[hreflang=it]`.
  languageLink: (lang) => `a[hreflang="${lang}"]`,

  // Sign in and out.
  signIn: {
    email: 'input[name=email]',
    password: 'input[name=password]',
    submit: 'form[action$="/sign-in"] button[type=submit]',
    // Any one of these, visible, after wrong credentials.
    error: '.field-error, [role=alert]',
  },
  signOut: 'form[action$="/sign-out"] button',

  // The password change form (/{lang}/account/password).
  passwordForm: {
    current: 'input[name=current_password]',
    next: 'input[name=new_password]',
    submit: 'form[action$="/account/password"] button[type=submit]',
    newError: '#new_password-error',
    required: '#password-required',
  },

  // Links from the list pages to a document (the href ends in the document's UUID).
  documentHref: {
    practices: /\/practices\/[0-9a-f-]{36}$/,
    'meeting-notes': /\/meeting-notes\/[0-9a-f-]{36}$/,
    'action-plans': /\/action-plans\/[0-9a-f-]{36}$/,
  },

  // The practice form (new practice, and the translation editor).
  practiceForm: {
    // The form in the main content that holds the title field.
    form: 'main form:has(input[name=title])',
    title: 'input[name=title]',
    summary: 'textarea[name=summary]',
    description: 'textarea[name=description]',
    visibility: 'select[name=visibility]',
    theme: (value) => `input[name=themes][value="${value}"]`,
    // Preferred submit button; when absent, the form's first submit button.
    save: 'button[type=submit][name=action][value=save]',
    anySubmit: 'button[type=submit]',
    titleError: '#title-error',
  },

  // The practice page.
  practicePage: {
    status: '[data-status]',
    // The workflow form that moves the document to `to`.
    transition: (to) => `form:has(input[name=to][value="${to}"])`,
    transitionSubmit: (to) => `form:has(input[name=to][value="${to}"]) button[type=submit]`,
    fallbackBanner: '[role=status].banner-fallback',
    // The review panel: a proposed translation, and the button approving it.
    pendingTranslation: (lang) => `[data-pending-translation="${lang}"]`,
    approveTranslation: (lang) => `button[data-approve="${lang}"]`,
    inLanguage: (lang) => `[lang="${lang}"]`,
  },

  // A document's files on its page: the list, each file's row and remove button, the upload form.
  files: {
    section: '#files',
    row: (name) => `#files li[data-file="${name}"]`,
    remove: (name) => `#files li[data-file="${name}"] form[action$="/remove"] button[type=submit]`,
    input: '#upload-file',
    upload: '#upload-form button[type=submit]',
    error: '#upload-error',
    notice: '[role=status].notice',
  },

  // The translation editor: the original text is shown in an element carrying its language.
  translationEditor: {
    original: (lang) => `main [lang="${lang}"]`,
  },
};

// Page paths, without the language prefix.
export const PATHS = {
  home: '/',
  signIn: '/sign-in',
  practices: '/practices',
  meetingNotes: '/meeting-notes',
  actionPlans: '/action-plans',
  search: '/search?q=microcredit',
  partner: '/partners/orebro',
  privacy: '/privacy',
  newPractice: '/practices/new',
  account: '/account',
  password: '/account/password',
  accountData: '/account/data',
  erasures: '/admin/erasures',
  dashboard: '/dashboard',
  workPackages: '/work-packages',
  actionItems: '/action-items',
  report: '/report',
  outbox: '/admin/digests',
  translationEditor: (id, target) => `/practices/${id}/translations/${target}`,
};

export const LANGUAGES = ['en', 'fr', 'it', 'ro', 'sl', 'sv'];
