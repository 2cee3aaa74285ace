## Your data: the account's data page, the download's summary, and erasing an account.

data-title = Your data
data-intro = Everything the platform holds about you can be downloaded, and you can ask for your account to be erased. The privacy notice says what is kept, why and for how long.
data-privacy-link = Read the privacy notice
data-account-link = Your data: download it, or ask for your account to be erased
data-download-heading = Download your data
data-download-text = One ZIP file with your account, settings, sign-ins, the documents you created, your revisions, translations and comments, your activity and the digests sent to you: a summary to read in your language and the same data as JSON files for programs.
data-download-button = Download my data
data-erase-heading = Erase your account
data-erase-text = When your account is erased, your email address, name, password, sign-ins, calendar address and digests are removed for good, and you can no longer sign in. The documents you wrote stay with the partnership, shown under your partner's name: they are part of the project's records. A coordinator confirms the erasure.
data-erase-confirm-label = I understand that my account will be erased and cannot be restored.
data-erase-button = Ask for my account to be erased
data-erase-requested = You asked on { $date } for your account to be erased. A coordinator will confirm it; until then you can change your mind.
data-erase-requested-on = Asked on { $date }
data-erase-withdraw-button = Keep my account
data-erase-last-admin = You are the only active administrator: make another account an administrator before asking for yours to be erased.
data-erase-confirm-required = Tick the box to confirm.
notice-erasure-requested = Your request was recorded. A coordinator will confirm it.
notice-erasure-withdrawn = Your request was withdrawn: your account stays.

data-summary-title = Your data on MICROFUTURE Exchange
data-summary-made = Made on { $date } for { $name }.
data-summary-files = This folder holds this summary and the same data as JSON files for programs (times in UTC); index.json lists them.
data-summary-account = Your account
data-account-since = Account created
data-count = { $count ->
    [0] Nothing recorded.
    [one] One entry.
   *[other] { $count } entries.
}
data-none = —
data-section-sessions = Sign-ins
data-section-calendar = Calendar addresses
data-section-documents = Documents you created
data-section-revisions = Changes you made to documents
data-section-translations = Translations you wrote
data-section-drafts = Drafts you worked on
data-section-proposals = Translations you proposed
data-section-deliverables = Deliverables you moved
data-section-activity = Your activity
data-section-digests = Digests sent to you
data-col-signed-in = Signed in
data-col-ends = Ended or ends
data-col-how = How
data-col-made = Made
data-col-stopped = Stopped
data-col-title = Title
data-col-kind = Kind
data-col-status = Status
data-col-when = When
data-col-language = Language
data-col-comment = Comment
data-col-from = From
data-col-to = To
data-col-what = What
data-col-period = Period
data-col-sent = Sent
data-session-browser = In the browser
data-session-api = Through the API
data-event-account_created = Account created
data-event-account_changed = Account changed
data-event-account_deactivated = Account deactivated
data-event-account_reactivated = Account reactivated
data-event-account_password_reset = New one-time password issued
data-event-erasure_requested = Erasure of the account asked for
data-event-erasure_withdrawn = Erasure request withdrawn
data-event-document_created = Document created
data-event-document_updated = Document changed
data-event-document_status_changed = Document moved in its workflow
data-event-draft_updated = Draft saved
data-event-translation_created = Translation added
data-event-translation_updated = Translation changed
data-event-translation_proposed = Translation proposed
data-event-attachment_added = File attached
data-event-attachment_proposed = File proposed
data-event-other = Other change

admin-erasures-title = Requests to erase an account
admin-erasures-intro = These people asked for their accounts to be erased. Erasing removes their email address, name, password, sign-ins and digests for good; the documents they wrote stay, shown under their partner's name.
admin-erasures-none = No request is waiting.
admin-erasures-link = Requests to erase an account ({ $count })
admin-erasure-asked = Asked on { $date }
admin-erasure-button = Erase the account of { $name }
admin-erasure-done = The account was erased.
admin-erasure-last-admin = This is the only active administrator: make another account an administrator first.
admin-erasure-gone = The request was withdrawn, or the account was erased already.
history-former-member = A former member of { $partner }
