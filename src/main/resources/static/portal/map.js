/*
 * The map above the list of /map: only when this script runs does the page load Leaflet (from the
 * application's WebJar) and draw the city's districts and one marker per place with streams, for
 * the same filters as the list (the register's GeoJSON). Without it the list says the same.
 * No inline script or style: Leaflet positions its parts through the CSSOM, which the page's
 * policy allows; every text from the data is set as text, never as markup.
 */
(function () {
	'use strict';

	var box = document.getElementById('map');
	if (!box || !window.fetch || !window.Promise) {
		return;
	}
	var data = box.dataset;

	function load(element, parent) {
		return new Promise(function (resolve, reject) {
			element.onload = resolve;
			element.onerror = reject;
			parent.appendChild(element);
		});
	}

	function json(address) {
		return fetch(address, { headers: { Accept: 'application/geo+json, application/json' } }).then(function (answer) {
			if (!answer.ok) {
				throw new Error(address + ': ' + answer.status);
			}
			return answer.json();
		});
	}

	/** Text for Leaflet's attribution, which it writes as markup. */
	function escaped(text) {
		return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	}

	function element(name, className, text) {
		var made = document.createElement(name);
		if (className) {
			made.className = className;
		}
		if (text) {
			made.textContent = text;
		}
		return made;
	}

	/** What a marker tells: the place's name, then each stream there with a link to its card. */
	function popup(place) {
		var content = element('div', 'map-popup');
		content.appendChild(element('p', 'map-place', place.thing || ''));
		var list = element('ul');
		place.streams.forEach(function (feature) {
			var item = element('li');
			var link = element('a', null, feature.properties.name || ('#' + feature.id));
			link.href = '/sensors/' + encodeURIComponent(feature.id);
			item.appendChild(link);
			var purposes = feature.properties.purpose || [];
			if (purposes.length) {
				item.appendChild(document.createTextNode(' · ' + purposes.join(', ')));
			}
			list.appendChild(item);
		});
		content.appendChild(list);
		return content;
	}

	function draw(districts, streams) {
		var L = window.L;
		var map = L.map(box, { scrollWheelZoom: false, zoomSnap: 0.25 });
		var layers = [];
		var bounds = L.latLngBounds([]);
		if (data.tiles) {
			layers.push(L.tileLayer(data.tiles, { maxZoom: 19, attribution: escaped(data.tilesAttribution || '') }));
		}
		if (districts && districts.features.length) {
			var areas = L.geoJSON(districts, {
				style: { color: '#0b5394', weight: 1, fillColor: '#0b5394', fillOpacity: 0.06 },
				onEachFeature: function (feature, layer) {
					layer.bindTooltip(element('span', null, feature.properties.name), { sticky: true });
				}
			});
			if (data.districtsAttribution) {
				map.attributionControl.addAttribution(escaped(data.districtsAttribution));
			}
			layers.push(areas);
			bounds.extend(areas.getBounds());
		}
		var places = {};
		streams.features.forEach(function (feature) {
			if (!feature.geometry || feature.geometry.type !== 'Point') {
				return;
			}
			var at = feature.geometry.coordinates;
			var key = at[0] + ',' + at[1];
			if (!places[key]) {
				places[key] = { lat: at[1], lon: at[0], thing: feature.properties.thing, streams: [] };
			}
			places[key].streams.push(feature);
		});
		Object.keys(places).forEach(function (key) {
			var place = places[key];
			var marker = L.circleMarker([place.lat, place.lon], {
				radius: 7, color: '#ffffff', weight: 2, fillColor: '#b3261e', fillOpacity: 1
			}).bindPopup(popup(place));
			layers.push(marker);
			bounds.extend(marker.getLatLng());
		});
		// The view first: Leaflet draws vector layers only on a map that has one.
		if (bounds.isValid()) {
			map.fitBounds(bounds, { padding: [8, 8], maxZoom: 15 });
		} else {
			map.setView([0, 0], 1);
		}
		layers.forEach(function (layer) {
			layer.addTo(map);
		});
	}

	var css = element('link');
	css.rel = 'stylesheet';
	css.href = data.leafletCss;
	var script = element('script');
	script.src = data.leafletJs;
	Promise.all([
		load(css, document.head),
		load(script, document.head),
		data.districts ? json(data.districts) : Promise.resolve(null),
		json(data.streams)
	]).then(function (loaded) {
		box.hidden = false;
		draw(loaded[2], loaded[3]);
	}).catch(function (problem) {
		// No map, then: the list below says the same.
		box.hidden = true;
		if (window.console) {
			window.console.warn('The map could not be drawn:', problem);
		}
	});
}());
