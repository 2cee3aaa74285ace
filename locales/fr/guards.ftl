## Changes that would leave the platform without an administrator.
error-last_administrator = C'est le seul administrateur actif. Faites d'abord d'un autre compte un administrateur.
