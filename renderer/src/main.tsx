import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { startApp } from './app/boot';
import { App } from './app/App';
import { applyLanguage, i18n } from './i18n';
import './styles.css';
import './features/top-ups/top-ups.css';

applyLanguage('fr');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

void startApp();
