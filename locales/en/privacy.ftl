## Links to the privacy notice (base.html footer, sign_in.html)
footer-privacy = Privacy
sign-in-privacy = How your personal data is handled

## Privacy notice (privacy.html)
privacy-title = Privacy notice
privacy-intro = This notice explains what the platform keeps about the people who use it, why, for how long, and what you can ask for.
privacy-controller-heading = Who is responsible for your data
privacy-controller = The controller of your personal data, on behalf of the project partnership, is:
privacy-contact = For any question about your data, or to exercise your rights, write to:
privacy-contact-lead = For any question about your data, or to exercise your rights, contact the lead partner, { $lead }, through your organisation’s coordinator in the project.
privacy-kept-heading = What is kept about you
privacy-kept-account = Your account: your email address, your name, your partner organisation, your role, your language, your time zone and your digest preferences.
privacy-kept-password = Your password, only as an Argon2id hash: nobody, administrators included, can read it back.
privacy-kept-sessions = Your sessions: when you signed in, until when each session is valid and when you signed out.
privacy-kept-sign-in = Sign-in attempts: to slow down password guessing, recent attempts are counted under the email address typed and the network (IP) address they came from.
privacy-kept-activity = Your activity: what you did to documents and to the work plan (creating, editing, translating, reviewing, changing a status) and the changes made to accounts, with the time. No network address is stored with your activity.
privacy-kept-digests = The email digests sent to you: when each one was sent, or why it could not be sent.
privacy-kept-calendar = Your private calendar address, if you created one: it is stored only as a hash.
privacy-kept-content = The documents, translations and comments you write: they belong to the partnership’s shared work and show your name as their author.
privacy-kept-cookies = The platform only sets the cookies it needs to keep you signed in and to protect its forms. It uses no analytics or advertising trackers.
privacy-why-heading = Why it is kept
privacy-why-work = To run the partnership’s shared work: your account lets you sign in, write, translate and review documents, follow the work plan and receive the digests you chose. This is part of the public task the partners carry out in their Interreg Europe project.
privacy-why-records = To keep the project’s records: Interreg rules oblige the partners to keep the project’s records for five years after the final payment to the project. Documents, their history and the activity on them are part of these records.
privacy-why-security = To keep accounts safe: sessions and sign-in attempts are kept only as long as they are needed to protect accounts against misuse.
privacy-retention-heading = How long it is kept
privacy-retention-intro = Your account and what you wrote are kept while the account exists and, as project records, for as long as the Interreg rules require. Records that are no longer needed are removed automatically, every hour, after the periods below.
privacy-retention-record = Record
privacy-retention-period = Removed after
privacy-period-sessions = Sessions that have ended (signed out or expired), counted from their end
privacy-period-sign-in-attempts = Counts of sign-in attempts, with the email and network addresses they are kept under, counted from the start of the count
privacy-period-digests = Records of the digests sent to you, counted from when they were sent or due
privacy-period-account-changes = Names and email addresses in the record of account changes (what changed, by whom and when is kept)
privacy-period-calendar-tokens = Calendar addresses you withdrew, counted from their withdrawal
privacy-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
privacy-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
privacy-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
privacy-rights-heading = Your rights
privacy-right-access = Access and portability: you can download everything the platform holds about you.
privacy-right-access-link = Download your data
privacy-right-erasure = Erasure: on the same page you can ask for your account to be deleted. Once a coordinator or an administrator confirms it, your email address, name, password, sessions, digests and sign-in records are removed; what you wrote stays with the partnership’s work, without your name.
privacy-right-rectification = Rectification: you can correct your name, language, time zone and digest preferences yourself; your organisation’s coordinator corrects your email address, partner or role.
privacy-right-rectification-link = Your account
privacy-right-objection = Objection and restriction: you may object to the use of your data or ask for it to be restricted, through the contact above.
privacy-right-complaint = Complaint: you may lodge a complaint with a data protection supervisory authority, in particular in the country where you live or work.
privacy-licence-heading = Public content
privacy-licence = Documents the partners publish for everyone may be reused under this licence:
privacy-licence-default = Creative Commons Attribution 4.0 International (CC BY 4.0)
privacy-licence-internal = Documents shared only within the partnership are not covered by this licence.

## An account's history (admin_user.html), once a name's old and new values are cleared
admin-event-change-cleared = { $field }: changed (the values are no longer kept)
