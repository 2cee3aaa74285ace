## Error pages for requests the server refuses before a page is drawn (web/mod.rs)
error-page-method-not-allowed = Tega dejanja tu ni mogoče izvesti
error-page-method-not-allowed-text = Tega naslova ni mogoče uporabiti na ta način. Vrnite se in uporabite povezave in gumbe na strani.
error-page-too-large = Naenkrat ste poslali preveč
error-page-too-large-text = Poslana vsebina presega omejitev platforme. Vrnite se, skrajšajte najdaljša besedila in obrazec pošljite znova.
error-page-too-slow = Pošiljanje je trajalo predolgo
error-page-too-slow-text = Povezava je bila prepočasna, da bi obrazec pravočasno prispel. Vrnite se in ga pošljite znova.
error-page-bad-request = Zahteve ni bilo mogoče prebrati
error-page-bad-request-text = Tega, kar je poslal brskalnik, ni bilo mogoče prebrati. Vrnite se, znova naložite stran in poskusite še enkrat.
