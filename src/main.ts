/**
 * The page's entry: settings, the lab (whose world is imported lazily, see
 * ui/state/lab.svelte.ts), and the Svelte app.
 */
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { LabState } from './ui/state/lab.svelte.ts';
import { SettingsState } from './ui/state/settings.svelte.ts';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const lab = new LabState(new URLSearchParams(location.search));
const settings = new SettingsState();
mount(App, { target, props: { lab, settings } });
void lab.start();
