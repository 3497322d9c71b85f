import { render } from 'preact';
import { App } from './app';
import { lang } from './i18n';

document.documentElement.lang = lang.value;
render(<App />, document.getElementById('app')!);
