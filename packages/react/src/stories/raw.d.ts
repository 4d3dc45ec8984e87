/** A file's text, as Vite's `?raw` suffix imports it (the theme page reads styles.css so it lists every token). */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
