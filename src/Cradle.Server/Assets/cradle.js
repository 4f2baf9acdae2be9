// The dashboard's one script (served from the assembly; it talks to this server only).
'use strict';
