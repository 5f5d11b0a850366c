/**
 * The panels beside the terminal (DESIGN.md §1), in tab order. Each panel is
 * its own component, loaded only when its tab is first opened, so the page's
 * initial JavaScript stays small. A panel receives `{ lab }` and reads the
 * world's trace and state through it.
 */
import type { Component } from 'svelte';
import type { LabState } from '../state/lab.svelte.ts';

export interface PanelProps {
  lab: LabState;
}

export interface PanelEntry {
  readonly id: string;
  readonly label: string;
  readonly load: () => Promise<{ default: Component<PanelProps> }>;
}

export const PANELS: readonly PanelEntry[] = [
  { id: 'files', label: 'Files', load: () => import('./FilesTab.svelte') },
  { id: 'handshake', label: 'Handshake', load: () => import('./tls/HandshakePanel.svelte') },
  { id: 'cipher', label: 'Cipher', load: () => import('./tls/CipherPanel.svelte') },
  { id: 'hash', label: 'Hash', load: () => import('./tls/HashPanel.svelte') },
  { id: 'certificates', label: 'Certificates', load: () => import('./certs/CertificatesPanel.svelte') },
  { id: 'access', label: 'Access map', load: () => import('./access/AccessPanel.svelte') },
  { id: 'wire', label: 'Wire', load: () => import('./tls/WirePanel.svelte') },
];
