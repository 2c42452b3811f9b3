/*
 * The report form of /report, made easier where this script runs; without it the form works the
 * same (every service's questions shown, the place given by district and address):
 *  - only the chosen service's questions are shown (the server takes only theirs anyway);
 *  - where the city has districts, a map (Leaflet, from the application's WebJar, as /map loads
 *    it) on which a click or a tap puts a pin: it fills the hidden lat and lon, and chooses in the
 *    district select the district the pin falls in. The pin places the report; "Remove the pin"
 *    leaves the district and the address to do it.
 * No inline script or style; every text from the data is set as text, never as markup.
 */
(function () {
	'use strict';

	var form = document.getElementById('form');
	if (!form) {
		return;
	}

	/* The chosen service's questions only. */
	var sets = form.querySelectorAll('fieldset.questions[data-service]');
	function showQuestions() {
		var chosen = form.querySelector('input[name="service"]:checked');
		Array.prototype.forEach.call(sets, function (set) {
			set.hidden = !chosen || set.getAttribute('data-service') !== chosen.value;
		});
	}
	Array.prototype.forEach.call(form.querySelectorAll('input[name="service"]'), function (radio) {
		radio.addEventListener('change', showQuestions);
	});
	showQuestions();

	/* The map and its pin. */
	var box = document.getElementById('report-map');
	if (!box || !window.fetch || !window.Promise) {
		return;
	}
	var data = box.dataset;
	var lat = document.getElementById('lat');
	var lon = document.getElementById('lon');
	var district = document.getElementById('district');
	var status = document.getElementById('pin-status');
	var clear = document.getElementById('pin-clear');

	function load(element, parent) {
		return new Promise(function (resolve, reject) {
			element.onload = resolve;
			element.onerror = reject;
			parent.appendChild(element);
		});
	}

	function escaped(text) {
		return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	}

	/* Whether a point lies in a ring of [lon, lat] positions (ray casting). */
	function inRing(x, y, ring) {
		var inside = false;
		for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
			if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
				inside = !inside;
			}
		}
		return inside;
	}

	function inPolygon(x, y, rings) {
		if (!inRing(x, y, rings[0])) {
			return false;
		}
		for (var h = 1; h < rings.length; h++) {
			if (inRing(x, y, rings[h])) {
				return false;
			}
		}
		return true;
	}

	/* The id of the district a point is in, if any. */
	function districtAt(districts, x, y) {
		for (var i = 0; i < districts.features.length; i++) {
			var feature = districts.features[i];
			var geometry = feature.geometry || {};
			var polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
				: geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
			for (var p = 0; p < polygons.length; p++) {
				if (inPolygon(x, y, polygons[p])) {
					return feature.properties && feature.properties.id;
				}
			}
		}
		return null;
	}

	function draw(districts) {
		var L = window.L;
		var map = L.map(box, { scrollWheelZoom: false, zoomSnap: 0.25 });
		var areas = L.geoJSON(districts, {
			style: { color: '#0b5394', weight: 1, fillColor: '#0b5394', fillOpacity: 0.06 }
		});
		if (data.tiles) {
			L.tileLayer(data.tiles, { maxZoom: 19, attribution: escaped(data.tilesAttribution || '') }).addTo(map);
		}
		if (data.districtsAttribution) {
			map.attributionControl.addAttribution(escaped(data.districtsAttribution));
		}
		map.fitBounds(areas.getBounds(), { padding: [8, 8] });
		areas.addTo(map);
		var pin = null;

		function place(at) {
			var y = Math.round(at.lat * 1e6) / 1e6;
			var x = Math.round(at.lng * 1e6) / 1e6;
			if (!pin) {
				pin = L.circleMarker([y, x], { radius: 9, color: '#ffffff', weight: 3, fillColor: '#b3261e', fillOpacity: 1 })
					.addTo(map);
			} else {
				pin.setLatLng([y, x]);
			}
			lat.value = String(y);
			lon.value = String(x);
			var id = districtAt(districts, x, y);
			if (id && district && district.querySelector('option[value="' + CSS.escape(id) + '"]')) {
				district.value = id;
			}
			status.textContent = (data.pinned || '{0}, {1}').replace('{0}', String(y)).replace('{1}', String(x));
			status.hidden = false;
			clear.hidden = false;
		}

		map.on('click', function (event) {
			place(event.latlng);
		});
		clear.addEventListener('click', function () {
			if (pin) {
				map.removeLayer(pin);
				pin = null;
			}
			lat.value = '';
			lon.value = '';
			status.hidden = true;
			status.textContent = '';
			clear.hidden = true;
		});
		// a form that came back refused keeps its pin
		if (lat.value && lon.value && isFinite(lat.value) && isFinite(lon.value)) {
			place(L.latLng(Number(lat.value), Number(lon.value)));
		}
	}

	var css = document.createElement('link');
	css.rel = 'stylesheet';
	css.href = data.leafletCss;
	var script = document.createElement('script');
	script.src = data.leafletJs;
	Promise.all([
		load(css, document.head),
		load(script, document.head),
		fetch(data.districts, { headers: { Accept: 'application/geo+json, application/json' } }).then(function (answer) {
			if (!answer.ok) {
				throw new Error(data.districts + ': ' + answer.status);
			}
			return answer.json();
		})
	]).then(function (loaded) {
		if (!loaded[2].features || !loaded[2].features.length) {
			return;
		}
		box.hidden = false;
		draw(loaded[2]);
	}).catch(function (problem) {
		// No map, then: the district and the address place the report.
		box.hidden = true;
		if (window.console) {
			window.console.warn('The map could not be drawn:', problem);
		}
	});
}());
