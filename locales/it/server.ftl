## Error pages for requests the server refuses before a page is drawn (web/mod.rs)
error-page-method-not-allowed = Questa azione non è possibile qui
error-page-method-not-allowed-text = Questo indirizzo non può essere usato in questo modo. Torna indietro e usa i link e i pulsanti della pagina.
error-page-too-large = Troppi dati inviati in una volta
error-page-too-large-text = Quello che hai inviato supera il limite accettato dalla piattaforma. Torna indietro, accorcia i testi più lunghi e invia di nuovo il modulo.
error-page-too-slow = L’invio ha richiesto troppo tempo
error-page-too-slow-text = La connessione era troppo lenta per inviare il modulo in tempo. Torna indietro e invialo di nuovo.
error-page-bad-request = Non è stato possibile leggere la richiesta
error-page-bad-request-text = Non è stato possibile leggere ciò che il browser ha inviato. Torna indietro, ricarica la pagina e riprova.
