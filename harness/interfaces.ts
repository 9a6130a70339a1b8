// The one registry of the interfaces gwi-test ships: the only module that joins the engine and the plugins. The
// engine finds a plugin by the adapter's `interface`; a new interface is one folder and one line here.
import { registerInterface } from './engine/plugin.ts';
import { asgiPlugin } from './asgi/plugin.ts';
import { cgiPlugin } from './cgi/plugin.ts';
import { rackPlugin } from './rack/plugin.ts';
import { psgiPlugin } from './psgi/plugin.ts';
import { wsgiPlugin } from './wsgi/plugin.ts';

registerInterface(wsgiPlugin);
registerInterface(asgiPlugin);
registerInterface(cgiPlugin);
registerInterface(rackPlugin);
registerInterface(psgiPlugin);

export { registeredInterfaces } from './engine/plugin.ts';
