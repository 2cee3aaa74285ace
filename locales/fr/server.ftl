## Error pages for requests the server refuses before a page is drawn (web/mod.rs)
error-page-method-not-allowed = Cette action n’est pas possible ici
error-page-method-not-allowed-text = Cette adresse ne peut pas être utilisée ainsi. Revenez en arrière et utilisez les liens et les boutons de la page.
error-page-too-large = Trop de contenu envoyé en une fois
error-page-too-large-text = Ce que vous avez envoyé dépasse ce que la plateforme accepte. Revenez en arrière, raccourcissez les textes les plus longs et renvoyez le formulaire.
error-page-too-slow = L’envoi a pris trop de temps
error-page-too-slow-text = La connexion était trop lente pour envoyer le formulaire à temps. Revenez en arrière et renvoyez-le.
error-page-bad-request = La requête n’a pas pu être lue
error-page-bad-request-text = Ce que le navigateur a envoyé n’a pas pu être lu. Revenez en arrière, rechargez la page et réessayez.
