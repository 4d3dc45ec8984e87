/** Stylesheets, as a host's bundler types them (Vite's client types, for one). */
declare module '*.css';
