## Changes that would leave the platform without an administrator.
error-last_administrator = Acesta este singurul administrator activ. Faceți mai întâi administrator un alt cont.
