// Module suffixes electron-vite understands (`?modulePath`: a separately bundled chunk's path).
/// <reference types="electron-vite/node" />
