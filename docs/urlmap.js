// SPDX-License-Identifier: LGPL-2.1-or-later
// Base URLs of the libraries the libocc reference links to, for
// gi-docgen's cross-namespace links such as [iface@Gio.ListModel].
baseURLs = [
  [ 'GLib', 'https://docs.gtk.org/glib/' ],
  [ 'GObject', 'https://docs.gtk.org/gobject/' ],
  [ 'Gio', 'https://docs.gtk.org/gio/' ],
]
