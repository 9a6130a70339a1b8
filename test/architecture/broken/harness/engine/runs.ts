// Breaks the layers on purpose: the engine imports a plugin directly.
import { probe } from '../wsgi/probe.ts';

export const runs = () => probe();
