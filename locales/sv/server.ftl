## Error pages for requests the server refuses before a page is drawn (web/mod.rs)
error-page-method-not-allowed = Det går inte att göra så här
error-page-method-not-allowed-text = Den här adressen kan inte användas på det sättet. Gå tillbaka och använd sidans länkar och knappar.
error-page-too-large = För mycket att skicka på en gång
error-page-too-large-text = Det du skickade är större än plattformen tar emot. Gå tillbaka, korta de längsta texterna och skicka formuläret igen.
error-page-too-slow = Det tog för lång tid att skicka
error-page-too-slow-text = Anslutningen var för långsam för att formuläret skulle hinna fram. Gå tillbaka och skicka det igen.
error-page-bad-request = Begäran kunde inte läsas
error-page-bad-request-text = Det som webbläsaren skickade kunde inte läsas. Gå tillbaka, ladda om sidan och försök igen.
