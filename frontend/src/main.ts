import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter, wireSession } from './router'
import './styles/base.css'
import './styles/common.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter(pinia)
wireSession(pinia, router)
app.use(router)
app.mount('#app')
