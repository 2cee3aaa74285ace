## Error pages for requests the server refuses before a page is drawn (web/mod.rs)
error-page-method-not-allowed = This action is not possible here
error-page-method-not-allowed-text = This address cannot be used this way. Go back and use the links and buttons of the page.
error-page-too-large = Too much to send at once
error-page-too-large-text = What you sent is larger than the platform accepts. Go back, shorten the longest texts and send the form again.
error-page-too-slow = The sending took too long
error-page-too-slow-text = The connection was too slow to send the form in time. Go back and send it again.
error-page-bad-request = The request could not be read
error-page-bad-request-text = What the browser sent could not be read. Go back, reload the page and try again.
